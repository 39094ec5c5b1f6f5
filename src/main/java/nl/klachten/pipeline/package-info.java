/**
 * The Spring Integration flows that connect the capabilities, all in ComplaintsPipeline.
 */
package nl.klachten.pipeline;
