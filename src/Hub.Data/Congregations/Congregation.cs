namespace Microsolidarity.Hub.Data.Congregations;

/// <summary>How a person comes to belong: the host's choice, shown on the congregation's page.</summary>
public enum MembershipPolicy
{
    /// <summary>Anyone signed in joins at once.</summary>
    Open = 0,

    /// <summary>People ask, answering the hosts' questions; a host says yes or no.</summary>
    Request = 1,

    /// <summary>Only people invited by a host or a Partner can join; the page is for members only.</summary>
    InvitationOnly = 2,
}

/// <summary>A congregation: 15 to 150 people who gather once or twice a year so that crews can form.</summary>
public class Congregation
{
    public Guid Id { get; set; }

    /// <summary>The address: /congregations/{slug}. Never changes once made, so links keep working.</summary>
    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";
    public string Purpose { get; set; } = "";

    /// <summary>A city or region; empty when the congregation meets online only.</summary>
    public string Place { get; set; } = "";

    public bool IsOnline { get; set; }

    /// <summary>
    /// Where the congregation is drawn on the network map, in degrees (WGS 84), chosen by a host;
    /// both null until a host places it. Online-only congregations are listed beside the map instead.
    /// </summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>Languages spoken, comma-separated as typed ("English, Deutsch").</summary>
    public string Languages { get; set; } = "";

    public MembershipPolicy Policy { get; set; }

    /// <summary>What people who ask to join are asked, one question per line (Request policy).</summary>
    public string JoinQuestions { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>The cover image's file name under the data folder's covers/, re-encoded by the hub; empty for none. Chosen by hosts.</summary>
    public string CoverFile { get; set; } = "";

    /// <summary>
    /// Whether an event a member proposes goes up at once, or waits for a host's yes (the default). Members
    /// at a level that may host events, and the hosts, never wait.
    /// </summary>
    public bool MembersEventsGoUpAtOnce { get; set; }

    /// <summary>How many days the care contacts have to acknowledge a concern; a reminder goes to them when it passes.</summary>
    public int ConcernAcknowledgeDays { get; set; } = 3;

    /// <summary>When the current agreements were published; null while the congregation has published none.</summary>
    public DateTime? AgreementsPublishedAt { get; set; }

    public List<MembershipLevel> Levels { get; set; } = [];
    public List<Membership> Members { get; set; } = [];
}
