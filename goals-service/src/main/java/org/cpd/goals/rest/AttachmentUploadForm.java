package org.cpd.goals.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The multipart form of an upload, as documented for generated clients. */
@Schema(name = "AttachmentUpload", requiredProperties = "file")
public class AttachmentUploadForm {
    @Schema(type = SchemaType.STRING, format = "binary",
            description = "The file: PDF, PNG, JPEG, GIF, WebP or HEIC, up to the configured size (25 MB by default). "
                    + "Its part's Content-Type must match its content, or be application/octet-stream.")
    public String file;
}
