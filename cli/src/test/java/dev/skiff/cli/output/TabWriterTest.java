package dev.skiff.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Go's text/tabwriter semantics, case by case. */
class TabWriterTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "cells pad to the widest plus padding",
            TabWriter.TABLE,
            "NAME\tAGE\nweb-1\t5s\n",
            "NAME    AGE\nweb-1   5s\n"),
        Arguments.of(
            "a column is at least minwidth wide",
            TabWriter.TABLE,
            "A\tB\nc\td\n",
            "A     B\nc     d\n"),
        Arguments.of(
            "the last cell is never padded",
            TabWriter.TABLE,
            "x\tlong last cell\ny\tz\n",
            "x     long last cell\ny     z\n"),
        Arguments.of(
            "a line without tabs ends the column block",
            TabWriter.DESCRIBE,
            "Name:\tweb\nIPs:\n  IP:\t1.2.3.4\n",
            "Name:  web\nIPs:\n  IP:  1.2.3.4\n"),
        Arguments.of(
            "continuation lines align under the value",
            TabWriter.DESCRIBE,
            "Labels:\tapp=web\n\ttier=fe\nStatus:\tRunning\n",
            "Labels:  app=web\n         tier=fe\nStatus:  Running\n"),
        Arguments.of(
            "an inner column only spans the lines that have it",
            TabWriter.DESCRIBE,
            "Type:\tClusterIP\nPort:\t<unset>\t80/TCP\nTargetPort:\t8080/TCP\n",
            "Type:        ClusterIP\nPort:        <unset>  80/TCP\nTargetPort:  8080/TCP\n"),
        Arguments.of(
            "empty cells are padded too",
            TabWriter.DESCRIBE,
            "a\t\tb\nlong\tx\ty\n",
            "a        b\nlong  x  y\n"),
        Arguments.of(
            "widths count code points, not bytes",
            TabWriter.TABLE,
            "é\tx\nab\ty\n",
            "é     x\nab    y\n"),
        Arguments.of(
            "text without a final newline keeps none", TabWriter.TABLE, "a\tb", "a     b"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void alignsAsGoTabwriterDoes(String name, TabWriter writer, String input, String expected) {
    assertThat(writer.format(input)).isEqualTo(expected);
  }
}
