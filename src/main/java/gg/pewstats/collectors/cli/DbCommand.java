package gg.pewstats.collectors.cli;

import gg.pewstats.collectors.infra.SchemaMigration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code db migrate}: brings the schema to the latest Flyway migration (the hub also does at startup). */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Database commands.",
        subcommands = DbCommand.Migrate.class)
class DbCommand {

    @ParentCommand
    CollectorsCommand parent;

    @Command(name = "migrate", mixinStandardHelpOptions = true, description = "Create or update the tables (Flyway).")
    static class Migrate implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Override
        public Integer call() throws Exception {
            try (HubSession session = HubSession.open(db.parent.home(), db.parent.settings)) {
                if (!session.bean("schemaMigration", SchemaMigration.class).isMigrated()) {
                    System.err.println("The database is not reachable: schema not migrated");
                    return 1;
                }
                System.out.println("Schema migrated");
                return 0;
            }
        }
    }
}
