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
/// Something a crew learned and chose, a second time, to offer its congregation. It reaches the congregation's lessons
/// page only with the whole crew's consent (<see cref="CrewLessonAnswer"/>, <see cref="CrewLessonSharing.Shared"/>), and
/// shows there without the crew's name unless the crew signs it. <see cref="SharedAt"/> is when it was offered.
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
    public List<CrewLessonAnswer> Answers { get; set; } = [];
}

/// <summary>
/// One member's answer to a lesson offered beyond the crew: consent, or not (which keeps it in the crew). One row per
/// member (a unique index); answering again replaces it. The crew reads who answered what; nobody else does.
/// </summary>
public class CrewLessonAnswer
{
    public Guid Id { get; set; }
    public Guid LessonId { get; set; }
    public string UserId { get; set; } = "";
    public bool Consents { get; set; }
    public DateTime AnsweredAt { get; set; }
}

/// <summary>
/// When a lesson is shared beyond its crew, computed from the rows (nothing kept that could drift): every member it
/// asks has consented. It asks the crew's members who are in it now and were in it when it was offered: someone who
/// leaves no longer counts, and someone who joins later was not there when it was learned. A crew nobody is left in
/// shares nothing.
/// </summary>
public static class CrewLessonSharing
{
    /// <summary>Whether this member is asked about a lesson offered at <paramref name="offeredAt"/>.</summary>
    public static bool Asks(CrewMember m, DateTime offeredAt) =>
        m.Status == CrewMemberStatus.Joined && (m.JoinedAt == null || m.JoinedAt <= offeredAt);

    /// <summary>The lessons every member they ask has consented to.</summary>
    public static IQueryable<CrewLesson> Shared(this IQueryable<CrewLesson> lessons, IQueryable<CrewMember> members) =>
        lessons.Where(l =>
            members.Any(m => m.CrewId == l.CrewId && m.Status == CrewMemberStatus.Joined && (m.JoinedAt == null || m.JoinedAt <= l.SharedAt))
            && !members.Any(m => m.CrewId == l.CrewId && m.Status == CrewMemberStatus.Joined && (m.JoinedAt == null || m.JoinedAt <= l.SharedAt)
                && !l.Answers.Any(a => a.UserId == m.UserId && a.Consents)));
}
