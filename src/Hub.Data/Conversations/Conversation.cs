using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Data.Conversations;

/// <summary>
/// A thread in one space: a congregation, one of its working groups, a crew or a dyad (exactly one of the ids is set:
/// a working group's thread has <see cref="WorkingGroupId"/>, not its congregation's id), or the network's hosts
/// (<see cref="ForNetworkHosts"/>, and no id: the space belongs to no congregation). Its first post
/// is the opening message. A host may close it (no new posts) or hide it (hosts alone see it), with a reason.
/// </summary>
public class ConversationThread
{
    public Guid Id { get; set; }
    public Guid? CongregationId { get; set; }
    public Guid? CrewId { get; set; }
    public Guid? DyadId { get; set; }
    public Guid? WorkingGroupId { get; set; }

    /// <summary>A thread among everyone who hosts a congregation on this hub (and its administrators).</summary>
    public bool ForNetworkHosts { get; set; }
    public string Title { get; set; } = "";

    /// <summary>Null once the person who began it has deleted their account.</summary>
    public string? StartedByUserId { get; set; }
    public HubUser? StartedBy { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>When the last post was written: the list shows the liveliest threads first.</summary>
    public DateTime LastPostAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public DateTime? HiddenAt { get; set; }

    /// <summary>Who closed or hid it (null when they left the hub), and why, shown with the thread.</summary>
    public string? ModeratedByUserId { get; set; }
    public string? ModerationReason { get; set; }
    public List<ConversationPost> Posts { get; set; } = [];
}

/// <summary>One post of a thread. Deleted posts stay in place as "deleted" so the replies keep their context.</summary>
public class ConversationPost
{
    public Guid Id { get; set; }
    public Guid ThreadId { get; set; }
    public ConversationThread Thread { get; set; } = null!;

    /// <summary>Null once the author has deleted their account: the post stays, from "someone who left".</summary>
    public string? AuthorUserId { get; set; }
    public HubUser? Author { get; set; }

    /// <summary>Markdown, rendered through the sanitiser. Emptied when the author deletes the post.</summary>
    public string Text { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? EditedAt { get; set; }
    public DateTime? DeletedAt { get; set; }
    public List<ConversationPostVersion> Versions { get; set; } = [];
    public List<ConversationReaction> Reactions { get; set; } = [];
}

/// <summary>An earlier text of an edited post, kept so everyone can see what was changed.</summary>
public class ConversationPostVersion
{
    public Guid Id { get; set; }
    public Guid PostId { get; set; }
    public string Text { get; set; } = "";

    /// <summary>When this text was written (the post's creation or an earlier edit) and when it was replaced.</summary>
    public DateTime WrittenAt { get; set; }
    public DateTime ReplacedAt { get; set; }
}

public enum ConversationReactionKind
{
    ThankYou = 0,
    PlusOne = 1,
}

/// <summary>A "thank you" or "+1" on a post: one of each per person, toggled.</summary>
public class ConversationReaction
{
    public Guid Id { get; set; }
    public Guid PostId { get; set; }
    public string UserId { get; set; } = "";
    public HubUser User { get; set; } = null!;
    public ConversationReactionKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }
}
