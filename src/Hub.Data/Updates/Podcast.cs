namespace Microsolidarity.Hub.Data.Updates;

/// <summary>A podcast episode: an audio file kept under the data folder, or one hosted elsewhere.</summary>
public class Episode
{
    public Guid Id { get; set; }

    /// <summary>The address: /podcast/{slug}. Never changes, so podcast apps and links keep working.</summary>
    public string Slug { get; set; } = "";

    public string Title { get; set; } = "";
    public string ShowNotesMarkdown { get; set; } = "";
    public string ShowNotesHtml { get; set; } = "";

    /// <summary>File name under {data}/podcast when uploaded; null for an external audio address.</summary>
    public string? AudioFile { get; set; }

    public string? AudioUrl { get; set; }
    public long AudioLength { get; set; }
    public string AudioType { get; set; } = "audio/mpeg";
    public int DurationSeconds { get; set; }
    public string? VideoUrl { get; set; }
    public DateTime PublishedAt { get; set; }
    public string PublishedByUserId { get; set; } = "";
}
