using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// Prints the handbook's PDF in the background after each import, so the first reader to download it gets
/// it at once instead of waiting seconds (a minute, for a long book) while Chromium prints. A reader who asks
/// before it is done (or after an import on the command line, which does not wait to print) sees a page that
/// says it is being prepared and looks again by itself (<c>/handbook.pdf</c>). One print at a time; requests
/// that come while one waits are folded into it, since it prints the handbook as it is when it starts.
/// </summary>
public sealed class HandbookPdfPreparer(IServiceScopeFactory scopes, IOptions<HandbookOptions> options, ILogger<HandbookPdfPreparer> log) : BackgroundService
{
    private readonly Channel<TimeSpan> requests = Channel.CreateBounded<TimeSpan>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private volatile string? failure;
    private volatile bool printing;

    /// <summary>Why the last print failed (no Chromium, a timeout), until the next one starts.</summary>
    public string? LastFailure => failure;

    /// <summary>True from a request until its print has ended.</summary>
    public bool IsPreparing => printing || requests.Reader.Count > 0;

    /// <summary>After an import: print once the settling delay (<c>Handbook:PreparePdfAfterSeconds</c>) has passed, unless that is turned off.</summary>
    public void AfterImport()
    {
        if (options.Value.PreparePdfAfterSeconds >= 0)
        {
            requests.Writer.TryWrite(TimeSpan.FromSeconds(options.Value.PreparePdfAfterSeconds));
        }
    }

    /// <summary>A reader asked for a PDF that is not there: print now.</summary>
    public void Now() => requests.Writer.TryWrite(TimeSpan.Zero);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await requests.Reader.WaitToReadAsync(stoppingToken))
            {
                printing = true;
                try
                {
                    requests.Reader.TryRead(out var delay);
                    if (delay > TimeSpan.Zero)
                    {
                        await Task.Delay(delay, stoppingToken);
                    }
                    // Whatever was asked meanwhile is answered by this print, which reads the handbook as it is now.
                    while (requests.Reader.TryRead(out _))
                    {
                    }
                    failure = null;
                    await using var scope = scopes.CreateAsyncScope();
                    var result = await scope.ServiceProvider.GetRequiredService<ExportHandbookPdf>().RunAsync(stoppingToken);
                    failure = (result as ExportHandbookPdf.Failed)?.Reason;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Preparing the handbook's PDF failed");
                    failure = "The PDF could not be prepared: the hub's log says why.";
                }
                finally
                {
                    printing = false;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The hub is stopping; ExportHandbookPdf has ended Chromium.
        }
    }
}
