namespace Microsolidarity.Hub.Platform.Contracts;

/// <summary>Something new that the wider community may hear about: a new event, a newsletter, an episode.</summary>
public sealed record Announcement(string Kind, string Title, string Url, string Summary, DateTime OccurredAtUtc)
{
    public const string NewEvent = "event";
    public const string Newsletter = "newsletter";
    public const string Episode = "episode";
}

/// <summary>
/// Receives announcements inside the announcing operation's unit of work (add rows, do not save), so
/// an announcement exists exactly when the thing announced does. Chat webhooks are one sink.
/// Announcers take <c>IEnumerable&lt;IAnnouncementSink&gt;</c>: none registered is fine.
/// </summary>
public interface IAnnouncementSink
{
    Task AnnounceAsync(Announcement announcement, CancellationToken cancellationToken);
}
