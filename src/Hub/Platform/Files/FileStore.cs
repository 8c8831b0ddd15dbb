namespace Microsolidarity.Hub.Platform.Files;

/// <summary>
/// Where the files every web node must see are kept: photos, covers, podcast audio, the handbook's
/// images and downloads, and the exports the hub prints once and serves many times (the handbook's PDF,
/// the practice cards). Two stores: the data folder (<see cref="LocalFileStore"/>, the default) and an
/// S3-compatible object store (<see cref="S3FileStore"/>), chosen by <c>Files:Store</c>.
/// <para>
/// A key is a relative path with forward slashes (<c>photos/3f2c….jpg</c>, <c>handbook/files/img/map.png</c>):
/// the same key names the same file in either store, so a backup of one restores into the other.
/// What belongs to one node only (the SQLite file, the development mailbox, the handbook's git clone,
/// temporary files) stays in the data folder and never goes through here.
/// </para>
/// <para>
/// A store that cannot be reached throws <see cref="FileStoreUnavailableException"/>: an outage, not a
/// missing file. A missing file is null (or nothing to delete).
/// </para>
/// </summary>
public interface IFileStore
{
    /// <summary>Where the files are, for messages to an operator: "the data folder /srv/hub/data", "the bucket hub at https://…".</summary>
    string Description { get; }

    /// <summary>Stores <paramref name="content"/> (read from its current position to its end) under <paramref name="key"/>, replacing what was there; readers never see half a file.</summary>
    Task PutAsync(string key, Stream content, string contentType, CancellationToken cancel = default);

    /// <summary>The file's size, age and entity tag, without its content; null when there is none.</summary>
    Task<StoredFileInfo?> InfoAsync(string key, CancellationToken cancel = default);

    /// <summary>
    /// The file to read, or null. Its stream can seek (and knows its length), so a response can send a
    /// range of it; an object store fetches only the bytes from where reading starts.
    /// </summary>
    Task<StoredFile?> OpenAsync(string key, CancellationToken cancel = default);

    /// <summary>Removes the file; nothing happens when there is none.</summary>
    Task DeleteAsync(string key, CancellationToken cancel = default);

    /// <summary>Every file whose key starts with <paramref name="prefix"/> ("" for all), in no promised order.</summary>
    IAsyncEnumerable<StoredFileInfo> ListAsync(string prefix, CancellationToken cancel = default);

    /// <summary>Null when the store takes and gives files; otherwise what is wrong, in words for an operator (for /readyz and the backup).</summary>
    Task<string?> ProblemAsync(CancellationToken cancel = default);
}

public sealed record StoredFileInfo(string Key, long Length, DateTimeOffset LastModified, string ETag);

/// <summary>An open stored file: what it is, and its content (the caller disposes it, or hands it to a response that does).</summary>
public sealed class StoredFile(StoredFileInfo info, Stream content) : IDisposable, IAsyncDisposable
{
    public StoredFileInfo Info { get; } = info;

    public Stream Content { get; } = content;

    public void Dispose() => Content.Dispose();

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>The store did not answer or refused the hub's credentials: an outage to fix, said in words an operator can act on.</summary>
public sealed class FileStoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

public static class FileKeys
{
    /// <summary>
    /// Checks a key before it touches a store: relative, forward slashes, no empty, "." or ".." segment,
    /// so no key can name anything outside the store's folder or bucket.
    /// </summary>
    public static string Checked(string key)
    {
        if (!IsValid(key))
        {
            throw new ArgumentException($"'{key}' is not a key of the file store.", nameof(key));
        }
        return key;
    }

    public static bool IsValid(string key) =>
        key.Length is > 0 and <= 1024 && !key.Contains('\\') && !key.Contains('\0')
        && key.Split('/').All(segment => segment.Length > 0 && segment is not ("." or ".."));

    /// <summary>Everything after the last slash.</summary>
    public static string NameOf(string key) => key[(key.LastIndexOf('/') + 1)..];
}
