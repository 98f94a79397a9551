package org.gongwen.internal.reliable;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * The inbox's transaction as the handler sees it: every JDBC call goes through, except those that
 * would end the transaction or change how it works (commit, roll back, close, auto-commit,
 * isolation, releasing or rolling back to savepoints). Those throw, so a handler cannot commit
 * half its work or release the row lock behind the inbox's back.
 */
final class GuardedConnection {
    private static final Set<String> REFUSED = Set.of("commit", "rollback", "close", "setAutoCommit", "setTransactionIsolation",
            "releaseSavepoint", "abort", "setReadOnly", "setNetworkTimeout");

    private GuardedConnection() {
    }

    static Connection of(Connection real) {
        InvocationHandler h = (proxy, method, args) -> {
            if (REFUSED.contains(method.getName())) {
                throw new SQLException("the inbox owns this transaction: a handler must not call Connection." + method.getName()
                        + "; it commits when the handler returns and rolls back when it throws");
            }
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                throw new SQLException("the inbox's transaction cannot be unwrapped");
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(GuardedConnection.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
    }
}
