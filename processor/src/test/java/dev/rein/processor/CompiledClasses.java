package dev.rein.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Defines the classes of a compilation from its in-memory class files. */
final class CompiledClasses extends ClassLoader {
    private final Map<String, byte[]> classes = new HashMap<>();

    CompiledClasses(Compilation compilation) throws IOException {
        super(CompiledClasses.class.getClassLoader());
        String prefix = "/" + StandardLocation.CLASS_OUTPUT.getName() + "/";
        for (JavaFileObject f : compilation.generatedFiles()) {
            String path = f.toUri().getPath();
            if (f.getKind() == JavaFileObject.Kind.CLASS && path.startsWith(prefix)) {
                String name = path.substring(prefix.length(), path.length() - ".class".length()).replace('/', '.');
                try (InputStream in = f.openInputStream()) {
                    classes.put(name, in.readAllBytes());
                }
            }
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }
}
