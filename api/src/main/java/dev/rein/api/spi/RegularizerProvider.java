package dev.rein.api.spi;

/**
 * The service Rein discovers with {@link java.util.ServiceLoader}: describes one regularizer and builds instances
 * of it. The annotation processor generates an implementation for every {@code @Regularizer} and registers it in
 * {@code META-INF/services/dev.rein.api.spi.RegularizerProvider}; writing one by hand is possible but rarely
 * needed.
 *
 * <pre>{@code
 * for (RegularizerProvider p : ServiceLoader.load(RegularizerProvider.class)) {
 *     System.out.println(p.descriptor().name());
 * }
 * ElementwisePenalty l1 = (ElementwisePenalty) provider.create(Arguments.of(Map.of("lambda", 1e-5)));
 * }</pre>
 *
 * <p>Implementations have a public no-argument constructor and are thread-safe; {@link #create} returns a new
 * instance of {@code descriptor().kind().hookType()} on every call.
 */
public interface RegularizerProvider {
    /** What this provider builds. Cheap, and the same on every call. */
    RegularizerDescriptor descriptor();

    /**
     * Builds a regularizer from arguments that hold every parameter of {@link #descriptor()}, already parsed and
     * checked against its bounds.
     */
    Object create(Arguments arguments);
}
