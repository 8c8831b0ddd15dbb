using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Updates;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Files;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Updates.Podcast;

/// <summary>Publishes an episode: its audio kept in the file store (or an outside address), and its announcement.</summary>
public sealed class PublishEpisode(
    HubDbContext db, PublicAddress links, IEnumerable<IAnnouncementSink> sinks, IFileStore files,
    IOptions<UpdatesOptions> options, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public static readonly IReadOnlyDictionary<string, string> AudioTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".mp3"] = "audio/mpeg",
        [".m4a"] = "audio/mp4",
        [".ogg"] = "audio/ogg",
        [".opus"] = "audio/ogg",
        [".wav"] = "audio/wav",
    };

    public sealed record Input(
        string Title, string ShowNotes, string Duration, string? AudioUrl, long? AudioLength, string? VideoUrl,
        string? FileName, Stream? File, long? FileLength = null);

    public long MaxUploadBytes => options.Value.Podcast.MaxUploadBytes;

    /// <summary>Where an episode's audio is kept in the file store.</summary>
    public static string KeyOf(string name) => "podcast/" + name;

    public async Task<(Outcome Outcome, string? Slug)> RunAsync(ClaimsPrincipal user, Input input, CancellationToken cancellationToken)
    {
        var title = (input.Title ?? "").Trim();
        if (title.Length is 0 or > 200)
        {
            return (Outcome.Refused(strings["Updates.Refused.EpisodeTitle"], "Title"), null);
        }
        if (!TryParseDuration(input.Duration, out var seconds))
        {
            return (Outcome.Refused(strings["Updates.Refused.Duration"], "Duration"), null);
        }
        var hasFile = input.File is not null && !string.IsNullOrEmpty(input.FileName);
        var url = (input.AudioUrl ?? "").Trim();
        if (hasFile == (url.Length > 0))
        {
            return (Outcome.Refused(strings["Updates.Refused.FileOrAddress"], "Audio"), null);
        }
        string type;
        if (hasFile)
        {
            if (!AudioTypes.TryGetValue(Path.GetExtension(input.FileName!), out type!))
            {
                return (Outcome.Refused(NotAudio, "Audio"), null);
            }
            if (input.FileLength > MaxUploadBytes)
            {
                return (Outcome.Refused(TooLarge, "Audio"), null);
            }
        }
        else
        {
            if (!IsWebAddress(url))
            {
                return (Outcome.Refused(strings["Updates.Refused.AudioAddress"], "AudioUrl"), null);
            }
            if (input.AudioLength is not > 0)
            {
                return (Outcome.Refused(strings["Updates.Refused.AudioLength"], "AudioLength"), null);
            }
            type = AudioTypes.TryGetValue(Path.GetExtension(new Uri(url).AbsolutePath), out var t) ? t : "audio/mpeg";
        }
        var video = (input.VideoUrl ?? "").Trim();
        if (video.Length > 0 && !IsWebAddress(video))
        {
            return (Outcome.Refused(strings["Updates.Refused.VideoAddress"], "VideoUrl"), null);
        }
        var slug = await FreeSlugAsync(title, cancellationToken);
        var episode = new Episode
        {
            Id = Guid.NewGuid(),
            Slug = slug,
            Title = title,
            ShowNotesMarkdown = input.ShowNotes ?? "",
            ShowNotesHtml = UpdatesMarkdown.ToHtml(input.ShowNotes ?? ""),
            AudioUrl = hasFile ? null : url,
            AudioLength = input.AudioLength ?? 0,
            AudioType = type,
            DurationSeconds = seconds,
            VideoUrl = video.Length > 0 ? video : null,
            PublishedAt = time.GetUtcNow().UtcDateTime,
            PublishedByUserId = UpdatesAccess.UserId(user) ?? "",
        };
        string? written = null;
        if (hasFile)
        {
            // The first bytes say what the file is, whatever its name: an HTML page called .mp3 is not
            // served to listeners as audio. Checked before anything is written.
            var head = new byte[AudioSniffer.HeaderLength];
            var headLength = await input.File!.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            if (headLength == 0)
            {
                return (Outcome.Refused(strings["Updates.Refused.EmptyAudio"], "Audio"), null);
            }
            if (AudioSniffer.TypeOf(head.AsSpan(0, headLength)) != type)
            {
                return (Outcome.Refused(NotAudio, "Audio"), null);
            }
            var name = $"{slug}{Path.GetExtension(input.FileName!).ToLowerInvariant()}";
            // The upload is counted into a temporary file on this node first: only a whole file of the allowed
            // size reaches the store, and a cancelled upload leaves nothing there. Deleted when closed.
            await using (var partial = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous))
            {
                await partial.WriteAsync(head.AsMemory(0, headLength), cancellationToken);
                var length = headLength + await CopyAtMostAsync(input.File!, partial, MaxUploadBytes - headLength + 1, cancellationToken);
                if (length > MaxUploadBytes)
                {
                    return (Outcome.Refused(TooLarge, "Audio"), null);
                }
                episode.AudioLength = length;
                partial.Position = 0;
                await files.PutAsync(KeyOf(name), partial, type, cancellationToken);
            }
            written = KeyOf(name);
            episode.AudioFile = name;
        }
        db.Episodes.Add(episode);
        var announcement = new Announcement(Announcement.Episode, title, links.Absolute($"/podcast/{slug}"),
            Newsletter.SendNewsletterIssue.Summary(episode.ShowNotesMarkdown), episode.PublishedAt);
        foreach (var sink in sinks)
        {
            await sink.AnnounceAsync(announcement, cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            if (written is not null)
            {
                await files.DeleteAsync(written, CancellationToken.None); // no file without its episode
            }
            throw;
        }
        return (Outcome.Done, slug);
    }

    private string NotAudio => strings["Updates.Refused.NotAudio"];

    private string TooLarge => strings["Updates.Refused.TooLarge", options.Value.Podcast.MaxUploadMegabytes.ToString("N0", DateFormats.Culture)];

    /// <summary>Copies until the source ends or <paramref name="limit"/> bytes are copied; returns how many.</summary>
    private static async Task<long> CopyAtMostAsync(Stream source, Stream target, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long copied = 0;
        while (copied < limit)
        {
            var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - copied)), cancellationToken);
            if (read == 0)
            {
                break;
            }
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            copied += read;
        }
        return copied;
    }

    public static bool TryParseDuration(string? text, out int seconds)
    {
        seconds = 0;
        var parts = (text ?? "").Trim().Split(':');
        if (parts.Length is < 1 or > 3 || parts.Any(p => p.Length == 0 || p.Length > 4 || !p.All(char.IsAsciiDigit)))
        {
            return false;
        }
        foreach (var p in parts)
        {
            seconds = seconds * 60 + int.Parse(p, System.Globalization.CultureInfo.InvariantCulture);
        }
        return seconds > 0 && seconds < 100 * 3600;
    }

    public static string FormatDuration(int seconds) =>
        seconds >= 3600 ? $"{seconds / 3600}:{seconds / 60 % 60:00}:{seconds % 60:00}" : $"{seconds / 60}:{seconds % 60:00}";

    private static bool IsWebAddress(string s) =>
        s.Length <= 1000 && Uri.TryCreate(s, UriKind.Absolute, out var u) && (u.Scheme == "https" || u.Scheme == "http");

    private async Task<string> FreeSlugAsync(string title, CancellationToken cancellationToken)
    {
        var stem = Slugs.From(title, maxLength: 80);
        stem = stem.Length == 0 ? "episode" : stem;
        var slug = stem;
        for (var n = 2; await db.Episodes.AnyAsync(e => e.Slug == slug, cancellationToken); n++)
        {
            slug = $"{stem}-{n}";
        }
        return slug;
    }
}
