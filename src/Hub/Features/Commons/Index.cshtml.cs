using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>The public transparency page: every figure computed from the ledger.</summary>
public sealed class CommonsIndexModel(TransparencyReport report, CommonsAccess access) : PageModel
{
    public TransparencyReport.Report Report { get; private set; } = null!;
    public CommonsViewer Viewer { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Report = await report.BuildAsync(12, cancellationToken);
        Viewer = await access.ViewerAsync(User, cancellationToken);
    }
}
