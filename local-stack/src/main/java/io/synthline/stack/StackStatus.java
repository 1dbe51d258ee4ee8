package io.synthline.stack;

import java.util.ArrayList;
import java.util.List;

/** Status of every component of one stack, with a human-readable table. */
public record StackStatus(StackConfig config, List<ComponentStatus> components) {

    public StackStatus {
        components = List.copyOf(components);
    }

    public ComponentStatus get(Component component) {
        return components.stream().filter(c -> c.component() == component).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No status for " + component));
    }

    public boolean allRunning() {
        return components.stream().allMatch(ComponentStatus::running);
    }

    public boolean noneRunning() {
        return components.stream().allMatch(c -> c.state() == ComponentStatus.State.STOPPED);
    }

    /** Fixed-width table: component, state, port, pid, endpoint. */
    public String toTable() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"COMPONENT", "STATE", "PORT", "PID", "ENDPOINT"});
        for (ComponentStatus c : components) {
            rows.add(new String[] {
                c.component().id(),
                c.state().label(),
                Integer.toString(c.port()),
                c.pid().isPresent() ? Long.toString(c.pid().getAsLong()) : "-",
                c.endpoint()});
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                sb.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }
}
