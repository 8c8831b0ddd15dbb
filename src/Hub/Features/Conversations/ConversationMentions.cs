namespace Microsolidarity.Hub.Features.Conversations;

/// <summary>
/// Mentions are written "@" and a member's display name as the hub shows it (any letter case), such as
/// "@Noor Haddad-Lind". Only the space's own members are looked for, so a mention can never reach anyone outside
/// it; where two names could match ("@Ana" and "@Ana Lucia"), the longer one wins.
/// </summary>
public static class ConversationMentions
{
    public static IReadOnlySet<string> Find(string text, IReadOnlyList<(string UserId, string Name)> members)
    {
        var found = new HashSet<string>();
        var byLength = members.Where(m => m.Name.Trim().Length > 0).OrderByDescending(m => m.Name.Trim().Length).ToList();
        for (var at = text.IndexOf('@'); at >= 0; at = text.IndexOf('@', at + 1))
        {
            // "ana@example.org" is an address, not a mention.
            if (at > 0 && char.IsLetterOrDigit(text[at - 1]))
            {
                continue;
            }
            foreach (var (userId, name) in byLength)
            {
                var trimmed = name.Trim();
                var end = at + 1 + trimmed.Length;
                if (end <= text.Length && string.Compare(text, at + 1, trimmed, 0, trimmed.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                {
                    found.Add(userId);
                    break;
                }
            }
        }
        return found;
    }
}
