using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Programs;

/// <summary>A participant's own rooms, opened by the secret in their link alone (they need no account).</summary>
public sealed class ProgramRoomsModel(ProgramAccess access) : HubPageModel
{
    [FromRoute]
    public string Secret { get; set; } = "";

    public ProgramView View { get; private set; } = null!;
    public int Position { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await access.BySecretAsync(Secret, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        (View, Position) = found;
        // The secret is in the address: keep it out of shared caches and search engines (the site-wide
        // Referrer-Policy already sends no path to other sites).
        NotKept.Say(Response);
        Response.Headers["X-Robots-Tag"] = "noindex";
        return Page();
    }
}
