/**
 * Two user penalties of shapes other than the sample Cauchy plugin's, for Rein's benchmarks: {@code log_cosh}
 * (smooth and convex, L2 near zero and L1 far out) and {@code pseudo_huber} (L1 rounded over a small width, so
 * steep near zero). Written as any user writes a penalty; depends on {@code rein-api} only.
 */
package com.example.bench;
