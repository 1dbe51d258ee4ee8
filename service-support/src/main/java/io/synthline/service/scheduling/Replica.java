package io.synthline.service.scheduling;

/** Names this process among a service's replicas (the pod name on Kubernetes, plus the process id). */
public final class Replica {
    private static final String ID = host() + "-" + ProcessHandle.current().pid();

    private Replica() {
    }

    public static String id() {
        return ID;
    }

    private static String host() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = "localhost";
            }
        }
        return host;
    }
}
