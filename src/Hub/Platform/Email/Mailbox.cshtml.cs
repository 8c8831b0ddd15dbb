using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MimeKit;

namespace Microsolidarity.Hub.Platform.Email;

/// <summary>Lists the .eml files the pickup transport wrote. Never served in production.</summary>
[Authorize(Roles = "Admin")]
public sealed partial class MailboxModel(PickupDirectoryTransport pickup, IWebHostEnvironment environment) : PageModel
{
    public sealed record Summary(string Name, DateTimeOffset Date, string To, string From, string Subject);
    public sealed record Message(DateTimeOffset Date, string To, string From, string Subject, string Text, IReadOnlyList<string> Links);

    public IReadOnlyList<Summary> Messages { get; private set; } = [];
    public Message? Open { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? name, CancellationToken cancellationToken)
    {
        if (environment.IsProduction())
        {
            return NotFound();
        }
        if (name is not null)
        {
            // Only bare file names the transport writes: nothing can climb out of the folder.
            if (!SafeName().IsMatch(name) || !System.IO.File.Exists(Path.Combine(pickup.Folder, name)))
            {
                return NotFound();
            }
            var mime = await MimeMessage.LoadAsync(Path.Combine(pickup.Folder, name), cancellationToken);
            var text = mime.TextBody ?? "";
            Open = new Message(mime.Date, mime.To.ToString(), mime.From.ToString(), mime.Subject ?? "", text,
                [.. LinkPattern().Matches(text).Select(m => m.Value).Distinct()]);
            return Page();
        }
        if (!Directory.Exists(pickup.Folder))
        {
            return Page();
        }
        var list = new List<Summary>();
        foreach (var file in Directory.EnumerateFiles(pickup.Folder, "*.eml").OrderDescending().Take(200))
        {
            var headers = await HeaderList.LoadAsync(file, cancellationToken);
            list.Add(new Summary(Path.GetFileName(file),
                DateTimeOffset.TryParse(headers[HeaderId.Date], out var d) ? d : DateTimeOffset.MinValue,
                headers[HeaderId.To] ?? "", headers[HeaderId.From] ?? "", headers[HeaderId.Subject] ?? ""));
        }
        Messages = list;
        return Page();
    }

    [GeneratedRegex(@"^[0-9]{8}-[0-9]{6}-[0-9a-f]{32}\.eml$")]
    private static partial Regex SafeName();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();
}
