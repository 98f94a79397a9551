package org.gongwen.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gongwen.api.id.OrgCode;

/** The six sample organisations of the design brief, used by {@code gongwen pki} without {@code --org}. */
final class SampleOrganisations {
    private SampleOrganisations() {
    }

    /** Code to name, in the brief's order (province, city, counties). */
    static Map<OrgCode, String> all() {
        Map<OrgCode, String> m = new LinkedHashMap<>();
        m.put(OrgCode.of("11610000016606015T"), "陕西省人民政府办公厅");
        m.put(OrgCode.of("11610100016505011R"), "西安市人民政府办公厅");
        m.put(OrgCode.of("11610400016001016Y"), "咸阳市人民政府办公室");
        m.put(OrgCode.of("116104250162020100"), "礼泉县人民政府办公室");
        m.put(OrgCode.of("11610430016303014D"), "淳化县人民政府办公室");
        m.put(OrgCode.of("11610482016404018X"), "彬州市人民政府办公室");
        return m;
    }
}
