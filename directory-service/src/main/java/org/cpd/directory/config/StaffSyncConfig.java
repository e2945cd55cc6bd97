package org.cpd.directory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Staff sync from a school's MIS (docs/integrations.md). */
@ConfigMapping(prefix = "cpd.staff-sync")
public interface StaffSyncConfig {

    /** Rows a staff file may have; a longer file is refused before anything is written. */
    @WithDefault("20000")
    int maxRows();
}
