package com.example.statuscodes.scale;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The real services the scale tests run against: PostgreSQL and Redis on 127.0.0.1 at their usual ports, or where
 * SCALE_PG_HOST / SCALE_PG_PORT / SCALE_REDIS_HOST / SCALE_REDIS_PORT say. Unreachable → the test fails at once,
 * naming what to start; it is never skipped.
 */
final class Services {

    static final String PG_HOST = System.getenv().getOrDefault("SCALE_PG_HOST", "127.0.0.1");
    static final int PG_PORT = Integer.parseInt(System.getenv().getOrDefault("SCALE_PG_PORT", "5432"));
    static final String REDIS_HOST = System.getenv().getOrDefault("SCALE_REDIS_HOST", "127.0.0.1");
    static final int REDIS_PORT = Integer.parseInt(System.getenv().getOrDefault("SCALE_REDIS_PORT", "6379"));

    private Services() {
    }

    static void requirePostgres() {
        require("PostgreSQL", PG_HOST, PG_PORT,
                "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
    }

    static void requireRedis() {
        require("Redis", REDIS_HOST, REDIS_PORT, "redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 "
                + "--save \"\" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log");
    }

    /** The Redis the app and the test share (checked reachable first). */
    static String redisUrl() {
        requireRedis();
        return "redis://" + REDIS_HOST + ":" + REDIS_PORT;
    }

    private static void require(String what, String host, int port, String start) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
        } catch (IOException unreachable) {
            throw new AssertionError(what + " is not reachable at " + host + ":" + port + " (" + unreachable
                    + "). The scale tests (./mvnw -Pscale verify) need it: start it with\n    " + start);
        }
    }

    /** A fresh, empty database for one test class (dropped first if an earlier run left it); returns its JDBC URL. */
    static String freshDatabase(String name) {
        requirePostgres();
        try (Connection admin = DriverManager.getConnection(
                "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/test", "postgres", "");
             Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + name + " with (force)");
            sql.execute("create database " + name);
        } catch (SQLException ex) {
            throw new AssertionError("Could not create the database " + name + " as user postgres: " + ex, ex);
        }
        return jdbcUrl(PG_PORT, name);
    }

    static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://" + PG_HOST + ":" + port + "/" + database;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
