package dev.rein.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import org.junit.jupiter.api.Test;

class ReinProcessorTest {
    @Test
    void penaltyClassCompiles() throws Exception {
        Compilation c = Compiler.javac().withProcessors(new ReinProcessor()).compile(Sources.SHRINK);
        assertThat(c).succeededWithoutWarnings();
        System.out.println(c.generatedSourceFile("com.example.Shrink_ReinProvider").get().getCharContent(true));
        System.out.println(c.generatedSourceFile("com.example.Shrink_ReinPenalty").get().getCharContent(true));
        c.generatedFiles().forEach(f -> System.out.println(f.toUri() + " " + f.getName() + " " + f.getKind()));
    }
}
