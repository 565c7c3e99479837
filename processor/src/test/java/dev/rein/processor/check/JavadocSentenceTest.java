package dev.rein.processor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JavadocSentenceTest {
    @Test
    void theFirstSentenceAsPlainText() {
        assertEquals("L2, also called ridge: (λ/2)·w², gradient λ·w.", JavadocSentence.first(
                " L2, also called ridge: {@code (λ/2)·w²}, gradient {@code λ·w}.\n <p>The same strength elsewhere.\n"));
    }

    @Test
    void linksGiveTheirLabelOrTheirTarget() {
        assertEquals("Like L1 and the lasso, by dev.rein.plugins.L1.penalty.", JavadocSentence.first(
                "Like {@link L1} and {@link Lasso the lasso}, by {@linkplain dev.rein.plugins.L1#penalty}. Then"));
    }

    @Test
    void aPeriodInsideANumberDoesNotEndTheSentence() {
        assertEquals("Shrinks by 0.5 per step and never crosses zero",
                JavadocSentence.first("Shrinks by 0.5 per step\n and <b>never</b> crosses zero\n@see L1"));
    }

    @Test
    void noCommentGivesNoDescription() {
        assertEquals("", JavadocSentence.first(null));
        assertEquals("", JavadocSentence.first("  \n @since 1.0\n"));
    }
}
