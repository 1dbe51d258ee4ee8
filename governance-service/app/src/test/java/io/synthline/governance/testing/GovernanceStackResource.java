package io.synthline.governance.testing;

import io.synthline.stack.StackEndpoints;
import io.synthline.stack.testing.LocalStackTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The shared local stack, with governance connecting as it does in production: as the restricted
 * runtime role, while Flyway migrates as the schema owner (the stack's superuser).
 */
public class GovernanceStackResource extends LocalStackTestResource {
    public static final String RUNTIME_USER = "governance_runtime";
    public static final String RUNTIME_PASSWORD = "governance-runtime";

    @Override
    public void init(Map<String, String> initArgs) {
        Map<String, String> args = new HashMap<>(initArgs);
        args.put(DATABASE_ARG, "governance");
        super.init(args);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> cfg = new HashMap<>(super.start());
        StackEndpoints e = endpoints();
        cfg.put("quarkus.datasource.username", RUNTIME_USER);
        cfg.put("quarkus.datasource.password", RUNTIME_PASSWORD);
        cfg.put("quarkus.flyway.username", e.dbUser());
        cfg.put("quarkus.flyway.password", e.dbPassword());
        return cfg;
    }

    /** A connection as the stack's superuser (the "attacker with database access" of the tamper tests). */
    public static Connection superuser() throws SQLException {
        StackEndpoints e = endpoints();
        return DriverManager.getConnection(e.jdbcUrl("governance"), e.dbUser(), e.dbPassword());
    }

    public static Connection runtimeRole() throws SQLException {
        return DriverManager.getConnection(endpoints().jdbcUrl("governance"), RUNTIME_USER, RUNTIME_PASSWORD);
    }
}
