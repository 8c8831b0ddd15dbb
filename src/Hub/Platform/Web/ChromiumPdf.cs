using System.Diagnostics;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// Prints an HTML file to PDF with headless Chromium (the handbook's PDF, the practice cards): one
/// process per print, its own throwaway profile, killed when it takes too long. Returns null when the
/// PDF was written, or a sentence saying why not.
/// </summary>
public static class ChromiumPdf
{
    public static async Task<string?> PrintAsync(string chromium, TimeSpan timeLimit, string html, string pdf, string profile, string what, ILogger logger, bool outline, CancellationToken cancel)
    {
        if (!File.Exists(chromium))
        {
            return $"PDF export needs Chromium at {chromium} (Debian: apt-get install chromium; or set Handbook:ChromiumPath).";
        }
        var start = new ProcessStartInfo(chromium) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
            "--allow-file-access-from-files", $"--user-data-dir={Path.Combine(profile, "profile")}",
            "--no-pdf-header-footer",
        }.Concat(outline ? ["--generate-pdf-document-outline"] : []).Concat([$"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri]))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(cancel);
        _ = process.StandardOutput.ReadToEndAsync(cancel);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(timeLimit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return cancel.IsCancellationRequested ? "Cancelled." : $"Chromium took longer than {timeLimit.TotalSeconds:0} s to print {what}.";
        }
        if (process.ExitCode != 0 || !File.Exists(pdf) || new FileInfo(pdf).Length == 0)
        {
            var message = (await errors).Trim();
            logger.LogWarning("Chromium could not print {What} ({Exit}): {Errors}", what, process.ExitCode, message);
            return $"Chromium could not print {what} (exit {process.ExitCode}).";
        }
        return null;
    }
}
