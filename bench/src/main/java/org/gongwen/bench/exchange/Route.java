package org.gongwen.bench.exchange;

import org.gongwen.api.id.OrgCode;
import org.gongwen.platform.DevPlatform;

/** The two ways a message travels through the development platform in these benchmarks. */
enum Route {
    /** 咸阳市 to 淳化县: both homed at the city node 610400; the message never leaves it. */
    SAME_NODE("same node", "咸阳市->淳化县 @610400", DevPlatform.XIANYANG, "咸阳市人民政府办公室", "咸政办发",
            DevPlatform.CHUNHUA, "淳化县人民政府办公室"),
    /** 礼泉县 (county node 610425) to 咸阳市 (city node 610400): one relay hop, and the DELIVERED receipt travels back. */
    ONE_RELAY("one relay", "礼泉县@610425->咸阳市@610400", DevPlatform.LIQUAN, "礼泉县人民政府办公室", "礼政办发",
            DevPlatform.XIANYANG, "咸阳市人民政府办公室");

    final String label;
    final String description;
    final OrgCode sender;
    final String senderName;
    final String senderMark;
    final OrgCode recipient;
    final String recipientName;

    Route(String label, String description, OrgCode sender, String senderName, String senderMark, OrgCode recipient, String recipientName) {
        this.label = label;
        this.description = description;
        this.sender = sender;
        this.senderName = senderName;
        this.senderMark = senderMark;
        this.recipient = recipient;
        this.recipientName = recipientName;
    }
}
