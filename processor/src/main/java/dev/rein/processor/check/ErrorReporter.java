package dev.rein.processor.check;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The one way the processor reports: javac errors and warnings on elements, counted so that a reader can tell
 * whether what it just read was clean.
 *
 * <pre>{@code
 * int before = reporter.errorCount();
 * reporter.error(Messages.innerClass("com.example.Outer.Inner"), type);
 * boolean clean = reporter.errorCount() == before;   // false
 * }</pre>
 */
public final class ErrorReporter {
    private final Messager messager;
    private int errorCount;

    public ErrorReporter(Messager messager) {
        this.messager = messager;
    }

    public void error(String message, Element element) {
        errorCount++;
        messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    }

    /** Points at {@code annotation} on {@code element}. */
    public void error(String message, Element element, AnnotationMirror annotation) {
        errorCount++;
        messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
    }

    /** Points at one value of {@code annotation}; {@code value} may be {@code null} for the annotation itself. */
    public void error(String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
        errorCount++;
        messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation, value);
    }

    /** Points at one sub-expression or statement of a method body, as javac's own errors do. */
    public void error(String message, Trees trees, Tree tree, CompilationUnitTree unit) {
        errorCount++;
        trees.printMessage(Diagnostic.Kind.ERROR, message, tree, unit);
    }

    /** A warning on {@code element}. */
    public void warning(String message, Element element) {
        messager.printMessage(Diagnostic.Kind.WARNING, message, element);
    }

    /** A warning that belongs to no element, e.g. about a resource file. */
    public void warning(String message) {
        messager.printMessage(Diagnostic.Kind.WARNING, message);
    }

    /** An error that belongs to no element. */
    public void error(String message) {
        errorCount++;
        messager.printMessage(Diagnostic.Kind.ERROR, message);
    }

    /** Errors reported so far through this reporter. */
    public int errorCount() {
        return errorCount;
    }
}
