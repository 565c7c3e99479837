/**
 * The protobuf messages of Rein's network models, generated at build time from
 * {@code runtime/src/main/protobuf/rein-network.proto} by protoc of the protobuf-java version Tribuo 4.3.2 uses:
 * {@code FeedForwardModelProto} is what a Tribuo {@code ModelProto} packs for a
 * {@link dev.rein.runtime.network.FeedForwardModel}.
 *
 * <p>Depends on: {@code protobuf-java} only. Read and written by {@code dev.rein.runtime.network.NetworkProtos}.
 */
package dev.rein.runtime.network.protos;
