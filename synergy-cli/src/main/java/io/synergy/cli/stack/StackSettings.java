package io.synergy.cli.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * How the local stack is laid out: the loopback address everything binds to, the port of each
 * component and the device-gateway's fleet profile. Kept in the stack folder so that {@code status},
 * {@code demo} and {@code down} find what {@code up} started.
 */
public record StackSettings(String host, Map<StackComponent, Integer> ports, String fleetProfile) {

    public static final String LOOPBACK = "127.0.0.1";

    public StackSettings {
        ports = Map.copyOf(ports);
        for (StackComponent component : StackComponent.values()) {
            Integer port = ports.get(component);
            if (port == null || port < 1 || port > 65_535) {
                throw new IllegalArgumentException("port of " + component.shortName() + ": must be in [1, 65535], got "
                        + port);
            }
        }
    }

    /**
     * The api-gateway on {@code apiPort}, and the other services on the ports that follow their
     * defaults by the same offset (8081..8084 for the default 8080; 9081..9084 for 9080), so that
     * two stacks with different {@code --port} values never collide.
     */
    public static StackSettings defaults(int apiPort, int kafkaPort, String fleetProfile) {
        Map<StackComponent, Integer> ports = new EnumMap<>(StackComponent.class);
        int offset = apiPort - StackComponent.API.defaultPort();
        for (StackComponent component : StackComponent.services()) {
            ports.put(component, component.defaultPort() + offset);
        }
        ports.put(StackComponent.API, apiPort);
        ports.put(StackComponent.BROKER, kafkaPort);
        return new StackSettings(LOOPBACK, ports, fleetProfile);
    }

    public int port(StackComponent component) {
        return ports.get(component);
    }

    public String bootstrapServers() {
        return host + ":" + port(StackComponent.BROKER);
    }

    public String url(StackComponent component) {
        return "http://" + host + ":" + port(component);
    }

    public void write(Path file) {
        Properties properties = new Properties();
        properties.setProperty("host", host);
        properties.setProperty("fleet-profile", fleetProfile);
        ports.forEach((component, port) -> properties.setProperty("port." + component.shortName(), port.toString()));
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "the running local stack (bin/synergy up)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static StackSettings read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("no stack found (" + file + " cannot be read): start one with bin/synergy up",
                    e);
        }
        Map<StackComponent, Integer> ports = new EnumMap<>(StackComponent.class);
        for (StackComponent component : StackComponent.values()) {
            String value = properties.getProperty("port." + component.shortName(),
                    Integer.toString(component.defaultPort()));
            ports.put(component, Integer.parseInt(value.trim()));
        }
        return new StackSettings(properties.getProperty("host", LOOPBACK), ports,
                properties.getProperty("fleet-profile", "default"));
    }
}
