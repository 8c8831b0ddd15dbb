using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Data.Crews;

/// <summary>
/// What a member chose to tell the crew at a retrospective: what worked, what did not, one change. Apart from
/// the private <see cref="RetrospectiveAnswer"/>, which nobody else reads; this one the crew reads, and nobody else.
/// </summary>
public class SharedReflection
{
    public Guid Id { get; set; }
    public Guid CrewId { get; set; }
    public int Term { get; set; }

    /// <summary>0 for the end of the term; otherwise the meeting after which the crew looked back halfway.</summary>
    public int AtMeeting { get; set; }
    public string UserId { get; set; } = "";
    public HubUser User { get; set; } = null!;
    public string WhatWorked { get; set; } = "";
    public string WhatDidNot { get; set; } = "";
    public string OneChange { get; set; } = "";
    public DateTime SharedAt { get; set; }
}

/// <summary>
/// A change the crew carries forward from a retrospective: into its next term (shown at the top of its first
/// meeting), or, from a halfway look back, into the meetings left.
/// </summary>
public class CrewChange
{
    public Guid Id { get; set; }
    public Guid CrewId { get; set; }

    /// <summary>The term whose retrospective chose it.</summary>
    public int Term { get; set; }

    /// <summary>0 for the end-of-term retrospective; otherwise the meeting the halfway look back followed.</summary>
    public int AtMeeting { get; set; }
    public string Text { get; set; } = "";
    public string AddedByUserId { get; set; } = "";
    public DateTime AddedAt { get; set; }
}

/// <summary>
/// Something a crew learned and chose, a second time, to offer its congregation. The congregation's lessons page
/// shows it without the crew's name unless the crew signs it.
/// </summary>
public class CrewLesson
{
    public Guid Id { get; set; }
    public Guid CongregationId { get; set; }
    public Guid CrewId { get; set; }
    public int Term { get; set; }
    public string Text { get; set; } = "";

    /// <summary>Whether the lessons page names the crew.</summary>
    public bool Signed { get; set; }
    public string SharedByUserId { get; set; } = "";
    public DateTime SharedAt { get; set; }
}
