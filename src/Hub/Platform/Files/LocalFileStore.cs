using System.Runtime.CompilerServices;

namespace Microsolidarity.Hub.Platform.Files;

/// <summary>
/// The default store: the data folder itself, a key being a path under it (photos/x.jpg is
/// data/photos/x.jpg), so a hub keeps the layout it always had. Enough for one server; several web
/// nodes need <see cref="S3FileStore"/>, as each node has its own folder.
/// </summary>
public sealed class LocalFileStore(string root) : IFileStore
{
    /// <summary>
    /// What lies in the data folder but belongs to this node alone, so is never listed as a shared file
    /// (nor backed up as one): the SQLite database and its journals (the backup copies the database its own
    /// way), the development mailbox and the handbook's git clone and downloaded remote images (both made
    /// again by the next import), readiness probes and writes still in progress.
    /// </summary>
    public static bool IsNodeLocal(string relative) =>
        relative is "hub.db" or "hub.db-wal" or "hub.db-shm" or "hub.db-journal"
        || NodeLocalFolders.Any(s => relative == s || relative.StartsWith(s + "/", StringComparison.Ordinal))
        || FileKeys.NameOf(relative).StartsWith(".ready-", StringComparison.Ordinal)
        || FileKeys.NameOf(relative).Contains(PartialMark, StringComparison.Ordinal);

    public static readonly string[] NodeLocalFolders = ["mail", "handbook/git", "handbook/remote-images"];

    private const string PartialMark = ".partial-";

    public string Root { get; } = Path.GetFullPath(root);

    public string Description => $"the data folder {Root}";

    /// <summary>The file's path in the data folder (for a key that <see cref="FileKeys.IsValid"/> says may be used).</summary>
    public string PathOf(string key) => Path.Combine(Root, FileKeys.Checked(key).Replace('/', Path.DirectorySeparatorChar));

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancel = default)
    {
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Written beside the target and renamed: a reader sees the old file or the new one, never half of one.
        var partial = $"{target}{PartialMark}{Guid.NewGuid():N}";
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancel);
            }
            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public Task<StoredFileInfo?> InfoAsync(string key, CancellationToken cancel = default)
    {
        var file = new FileInfo(PathOf(key));
        return Task.FromResult(file.Exists ? Info(key, file) : null);
    }

    public Task<StoredFile?> OpenAsync(string key, CancellationToken cancel = default)
    {
        var path = PathOf(key);
        try
        {
            // FileShare.Delete: a file replaced or removed while someone downloads it goes on being read to the end.
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
            return Task.FromResult<StoredFile?>(new StoredFile(Info(key, new FileInfo(path)), stream));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<StoredFile?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancel = default)
    {
        var path = PathOf(key);
        File.Delete(path);
        // Folders the deletion emptied go too (the handbook's image folders), never the store's own folders
        // (photos, handbook/files): only those three or more levels down.
        for (var folder = Path.GetDirectoryName(path); folder is not null && Depth(folder) >= 3; folder = Path.GetDirectoryName(folder))
        {
            try
            {
                if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    Directory.Delete(folder);
                    continue;
                }
            }
            catch (IOException)
            {
                // Another write put a file there meanwhile: the folder stays.
            }
            break;
        }
        return Task.CompletedTask;
    }

    private int Depth(string folder) => Path.GetRelativePath(Root, folder).Split(Path.DirectorySeparatorChar).Length;

    public async IAsyncEnumerable<StoredFileInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancel = default)
    {
        // Walk only the folder the prefix names (handbook/files/ walks data/handbook/files), not the whole data folder.
        var slash = prefix.LastIndexOf('/');
        var start = slash < 0 ? Root : Path.Combine(Root, prefix[..slash].Replace('/', Path.DirectorySeparatorChar));
        if (!Directory.Exists(start))
        {
            yield break;
        }
        foreach (var path in Directory.EnumerateFiles(start, "*", SearchOption.AllDirectories))
        {
            cancel.ThrowIfCancellationRequested();
            var key = Path.GetRelativePath(Root, path).Replace('\\', '/');
            if (!key.StartsWith(prefix, StringComparison.Ordinal) || IsNodeLocal(key) || !FileKeys.IsValid(key))
            {
                continue;
            }
            var file = new FileInfo(path);
            if (file.Exists)
            {
                yield return Info(key, file);
            }
        }
        await Task.CompletedTask;
    }

    public async Task<string?> ProblemAsync(CancellationToken cancel = default)
    {
        var probe = Path.Combine(Root, $".ready-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(Root);
            await File.WriteAllBytesAsync(probe, [], cancel);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{Description} cannot be written to: {e.Message}";
        }
    }

    /// <summary>The entity tag the static files middleware gives a file: its time and length, so a changed file gets a new one.</summary>
    private static StoredFileInfo Info(string key, FileInfo file)
    {
        var modified = new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero);
        return new(key, file.Length, modified, $"\"{Convert.ToString(modified.ToFileTime() ^ file.Length, 16)}\"");
    }
}
