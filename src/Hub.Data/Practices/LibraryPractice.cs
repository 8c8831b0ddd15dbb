namespace Microsolidarity.Hub.Data.Practices;

/// <summary>
/// A practice written in the hub rather than in the repository: by the hub's administrators
/// (<see cref="CongregationId"/> null; it replaces a file practice with the same slug) or by a
/// congregation's hosts (shown on that congregation's list). Its text is in its versions: every save
/// adds one, with who saved it and what they changed.
/// </summary>
public sealed class LibraryPractice
{
    public Guid Id { get; set; }
    public Guid? CongregationId { get; set; }
    public string Slug { get; set; } = "";
    public int CurrentVersion { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<LibraryPracticeVersion> Versions { get; set; } = [];
}

/// <summary>One saved text of a practice (Markdown with front matter, as the repository's files).</summary>
public sealed class LibraryPracticeVersion
{
    public Guid Id { get; set; }
    public Guid PracticeId { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";

    /// <summary>The editor's own words for what they changed.</summary>
    public string Note { get; set; } = "";

    /// <summary>The parts that differ from the version before (title, purpose, steps…), worked out at save.</summary>
    public string ChangedParts { get; set; } = "";

    /// <summary>Null once the editor's account is deleted: the text stays, the name goes.</summary>
    public string? EditorUserId { get; set; }
    public DateTime EditedAt { get; set; }
}
