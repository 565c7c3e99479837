package dev.rein.api.hook;

/**
 * Whether a layer runs for training or for prediction: dropout drops units only in {@link #TRAIN}; batch
 * normalization uses batch statistics in {@link #TRAIN} and its running averages in {@link #EVAL}.
 */
public enum Phase {
    TRAIN,
    EVAL
}
