package dev.rein.samples.train;

/**
 * Bad input from the person running Rein (a missing file, a malformed row, a wrong option): its message is one
 * paragraph that says what was wrong, where, and what would be valid. The command line prints it without a
 * stack trace and exits non-zero.
 *
 * <pre>{@code
 * throw new UserInputException("Data file 'train.csv' does not exist. Give --data a CSV or libsvm file.");
 * }</pre>
 */
public class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
