package org.gongwen.platform.internal.node;

/**
 * A successful answer to a request: status, media type, body and an optional Location.
 *
 * @param status the HTTP status (200 or 201)
 * @param contentType the body's media type
 * @param body the body
 * @param location the Location header, or null
 */
public record Answer(int status, String contentType, byte[] body, String location) {
}
