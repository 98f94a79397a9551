/** Lifecycle packages (spec/lifecycle.md): writing 撤销 and 催办 packages about an earlier document. */
package org.gongwen.internal.lifecycle;
