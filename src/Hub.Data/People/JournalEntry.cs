namespace Microsolidarity.Hub.Data.People;

/// <summary>
/// A private journal entry. Only its author can ever read it: no page, export or role shows it to
/// anyone else, administrators included.
/// </summary>
public class JournalEntry
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public string Prompt { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime WrittenAt { get; set; }
}
