using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsolidarity.Hub.Platform.Configuration;

namespace Microsolidarity.Hub.Platform.Files;

public static class FilesServices
{
    /// <summary>One <see cref="IFileStore"/> for the whole hub: the data folder, or the object store <c>Files:Store=S3</c> names.</summary>
    public static WebApplicationBuilder AddFiles(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FilesOptions>()
            .Bind(builder.Configuration.GetSection(FilesOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<FilesOptions>, FilesOptionsValidation>();
        builder.Services.AddSingleton<IFileStore>(services =>
        {
            var files = services.GetRequiredService<IOptions<FilesOptions>>().Value;
            return files.UsesS3
                ? new S3FileStore(files.S3)
                : new LocalFileStore(services.GetRequiredService<IOptions<HubOptions>>().Value.DataDirectoryFullPath);
        });
        return builder;
    }

    private sealed class FilesOptionsValidation : IValidateOptions<FilesOptions>
    {
        public ValidateOptionsResult Validate(string? name, FilesOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}

/// <summary>Stored files as responses, with what browsers and podcast apps ask of a file: Last-Modified, ETag, and ranges where wanted.</summary>
public static class StoredFiles
{
    /// <summary>The file as a response (304 when the client's copy is current, 206 for a range), or 404 when it is not stored.</summary>
    public static async Task<IResult> ServeAsync(IFileStore store, string key, string contentType, CancellationToken cancel,
        string? downloadName = null, bool ranges = false)
    {
        if (!FileKeys.IsValid(key) || await store.OpenAsync(key, cancel) is not { } file)
        {
            return Results.NotFound();
        }
        // The response disposes the stream once it is sent (or not needed: a 304 sends nothing).
        return Results.Stream(file.Content, contentType, downloadName, file.Info.LastModified, Tag(file.Info), enableRangeProcessing: ranges);
    }

    /// <summary>The same for a Razor page's handler; null when the file is not stored.</summary>
    public static async Task<FileStreamResult?> ResultAsync(IFileStore store, string key, string contentType, CancellationToken cancel,
        string? downloadName = null, bool ranges = false)
    {
        if (!FileKeys.IsValid(key) || await store.OpenAsync(key, cancel) is not { } file)
        {
            return null;
        }
        return new FileStreamResult(file.Content, contentType)
        {
            LastModified = file.Info.LastModified,
            EntityTag = Tag(file.Info),
            EnableRangeProcessing = ranges,
            FileDownloadName = downloadName ?? "",
        };
    }

    private static EntityTagHeaderValue? Tag(StoredFileInfo info) =>
        EntityTagHeaderValue.TryParse(info.ETag, out var tag) ? tag : null;

    /// <summary>Copies a stored file to a path on this node (an export written out, an image Chromium prints from); false when it is not stored.</summary>
    public static async Task<bool> CopyToFileAsync(this IFileStore store, string key, string path, CancellationToken cancel = default)
    {
        await using var file = await store.OpenAsync(key, cancel);
        if (file is null)
        {
            return false;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using var target = File.Create(path);
        await file.Content.CopyToAsync(target, cancel);
        return true;
    }

    /// <summary>Stores a file from this node's disk.</summary>
    public static async Task PutFileAsync(this IFileStore store, string key, string path, string contentType, CancellationToken cancel = default)
    {
        await using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        await store.PutAsync(key, source, contentType, cancel);
    }

    public static async Task PutBytesAsync(this IFileStore store, string key, byte[] bytes, string contentType, CancellationToken cancel = default)
    {
        using var source = new MemoryStream(bytes, writable: false);
        await store.PutAsync(key, source, contentType, cancel);
    }
}
