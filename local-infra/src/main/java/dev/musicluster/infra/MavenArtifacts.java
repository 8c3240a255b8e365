package dev.musicluster.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Resolves the servers' own classpaths from Maven Central into the local Maven repository, independently of the
 * build's dependency management: the broker needs its own kafka-clients, not the one Quarkus pins. Artifacts
 * already in the local repository are used without any network access.
 */
final class MavenArtifacts {

    private static final Properties VERSIONS = load();

    private MavenArtifacts() {
    }

    static String kafkaBroker() {
        return VERSIONS.getProperty("kafka.broker.artifact");
    }

    static String s3Proxy() {
        return VERSIONS.getProperty("s3proxy.artifact");
    }

    /** The broker logs through SLF4J 1.x into the Log4j 2 it ships; without this binding it would say nothing. */
    static String brokerLogging() {
        return VERSIONS.getProperty("kafka.broker.logging");
    }

    /**
     * Files of the artifacts and, when transitive, of everything they need at run time. Inside an isolating class
     * loader (a Quarkus test shares maven-resolver classes with its bootstrap, and the two clash) the resolution runs
     * in a short-lived JVM on the plain classpath instead.
     */
    static List<Path> resolve(List<String> coordinates, boolean transitive) {
        if (MavenArtifacts.class.getClassLoader() != ClassLoader.getSystemClassLoader()) {
            return resolveInChildJvm(coordinates, transitive);
        }
        return resolveHere(coordinates, transitive);
    }

    /** Prints the resolved files, one per line: {@code MavenArtifacts transitive|direct COORDINATES...}. */
    public static void main(String[] args) {
        boolean transitive = args[0].equals("transitive");
        resolveHere(List.of(args).subList(1, args.length), transitive).forEach(System.out::println);
    }

    private static List<Path> resolveInChildJvm(List<String> coordinates, boolean transitive) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dmaven.repo.local=" + localRepository(),
                MavenArtifacts.class.getName(), transitive ? "transitive" : "direct"));
        command.addAll(coordinates);
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("resolving " + coordinates + " failed (exit " + process.exitValue() + ")");
            }
            return output.lines().filter(line -> !line.isBlank()).map(Path::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resolving " + coordinates, e);
        }
    }

    private static List<Path> resolveHere(List<String> coordinates, boolean transitive) {
        RepositorySystem system = new RepositorySystemSupplier().get();
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, new LocalRepository(localRepository().toFile())));
        RemoteRepository central = new RemoteRepository.Builder("central", "default", remoteUrl()).build();

        CollectRequest collect = new CollectRequest();
        collect.setRepositories(List.of(central));
        for (String coordinate : coordinates) {
            Dependency dependency = new Dependency(new DefaultArtifact(coordinate), JavaScopes.RUNTIME);
            if (!transitive) {
                dependency = dependency.setExclusions(List.of(new org.eclipse.aether.graph.Exclusion("*", "*", "*", "*")));
            }
            collect.addDependency(dependency);
        }
        try {
            return system.resolveDependencies(session,
                            new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME)))
                    .getArtifactResults().stream()
                    .map(ArtifactResult::getArtifact)
                    .map(artifact -> artifact.getFile().toPath())
                    .toList();
        } catch (DependencyResolutionException e) {
            throw new IllegalStateException("cannot resolve " + coordinates + " from " + remoteUrl()
                    + " into " + localRepository() + ": " + e.getMessage(), e);
        } finally {
            system.shutdown();
        }
    }

    static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /**
     * Maven Central as Maven itself defines it (its super POM), unless a mirror is named where Central is out of
     * reach.
     */
    static String remoteUrl() {
        String mirror = System.getenv("MUSICLUSTER_MAVEN_REPOSITORY");
        if (mirror != null && !mirror.isBlank()) {
            return mirror;
        }
        try (InputStream in = MavenRepositorySystemUtils.class.getClassLoader().getResourceAsStream("org/apache/maven/model/pom-4.0.0.xml")) {
            if (in == null) {
                throw new IllegalStateException("Maven's super POM is not on the classpath");
            }
            String superPom = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            java.util.regex.Matcher central = java.util.regex.Pattern
                    .compile("<id>central</id>\\s*<name>[^<]*</name>\\s*<url>([^<]+)</url>").matcher(superPom);
            if (!central.find()) {
                throw new IllegalStateException("Maven's super POM names no central repository");
            }
            return central.group(1).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = MavenArtifacts.class.getResourceAsStream("infra-versions.properties")) {
            if (in == null) {
                throw new IllegalStateException("infra-versions.properties missing from the local-infra jar");
            }
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
