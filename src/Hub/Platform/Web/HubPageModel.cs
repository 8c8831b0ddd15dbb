using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>Small helpers every form page uses to show errors next to the field they belong to.</summary>
public abstract class HubPageModel : PageModel
{
    /// <summary>A one-time message shown on the next page (after a redirect).</summary>
    [TempData]
    public string? Notice { get; set; }

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : null;

    /// <summary>For aria-invalid: "true" when the field has an error, otherwise no attribute at all.</summary>
    public string? Invalid(string key) => ErrorFor(key) is null ? null : "true";

    /// <summary>
    /// After an operation: on success a notice and a redirect (post/redirect/get), otherwise its
    /// message on the field it names and the page shown again with what was typed.
    /// </summary>
    protected async Task<IActionResult> AfterAsync(Outcome outcome, string notice, Func<Task<IActionResult>> redisplay, string? redirectTo = null)
    {
        if (outcome.Succeeded)
        {
            Notice = notice;
            return Redirect(redirectTo ?? Request.Path);
        }
        ModelState.AddOutcome(outcome);
        return await redisplay();
    }

    /// <summary>Errors that belong to no single field.</summary>
    public IEnumerable<string> FormErrors =>
        ModelState.TryGetValue(string.Empty, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];
}
