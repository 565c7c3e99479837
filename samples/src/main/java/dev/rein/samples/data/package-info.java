/**
 * Reading the data files of {@code rein train} strictly: CSV ({@link dev.rein.samples.data.CsvReader}) and libsvm
 * ({@link dev.rein.samples.data.LibSvmReader}) into Tribuo datasets ({@link dev.rein.samples.data.DataFiles}), with
 * every refusal a {@link dev.rein.samples.data.DataFileException} naming the file, line and column.
 *
 * <p>Depends on: Tribuo, and {@link dev.rein.samples.train.UserInputException} alone from the rest of the samples.
 */
package dev.rein.samples.data;
