using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Updates;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Updates.Newsletter;

/// <summary>One past issue on the web, for people who read it in a browser or found it later.</summary>
public sealed class NewsletterIssueModel(HubDbContext db, ViewerClock times) : HubPageModel
{
    public NewsletterIssue Issue { get; private set; } = null!;
    public string When { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var issue = await db.NewsletterIssues.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (issue is null)
        {
            return NotFound();
        }
        Issue = issue;
        When = ViewerClock.FormatIn(issue.SentAt, await times.ZoneAsync());
        return Page();
    }
}
