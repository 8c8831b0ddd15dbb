using Microsoft.AspNetCore.StaticFiles;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// The types a handbook file is served as, by its extension: an allow-list of what a browser shows
/// without running anything of it (images, PDF, audio, video, fonts). Every other file is served as
/// <see cref="Download"/> with Content-Disposition: attachment.
/// </summary>
public static class HandbookFileTypes
{
    public const string Download = "application/octet-stream";

    public static FileExtensionContentTypeProvider Provider { get; } = new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".avif"] = "image/avif",
        [".svg"] = "image/svg+xml",
        [".ico"] = "image/x-icon",
        [".bmp"] = "image/bmp",
        [".pdf"] = "application/pdf",
        [".mp3"] = "audio/mpeg",
        [".m4a"] = "audio/mp4",
        [".ogg"] = "audio/ogg",
        [".oga"] = "audio/ogg",
        [".opus"] = "audio/ogg",
        [".wav"] = "audio/wav",
        [".flac"] = "audio/flac",
        [".mp4"] = "video/mp4",
        [".m4v"] = "video/mp4",
        [".webm"] = "video/webm",
        [".ogv"] = "video/ogg",
        [".mov"] = "video/quicktime",
        [".woff"] = "font/woff",
        [".woff2"] = "font/woff2",
        [".ttf"] = "font/ttf",
        [".otf"] = "font/otf",
    });
}
