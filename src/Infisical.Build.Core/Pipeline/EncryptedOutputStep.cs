using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Build.Core.Encryption;
using Infisical.Build.Core.Snapshots;

namespace Infisical.Build.Core.Pipeline;

/// <summary>
/// Encrypt mode's write step: when the sealed snapshots or the render settings changed since the file was made
/// (<see cref="EncryptState"/>), open each snapshot (one KMS decrypt each), merge and render in memory exactly as
/// pull mode does, seal the settings JSON (one KMS encrypt) and write only the envelope and the names manifest.
/// When nothing changed it makes no request at all. The plaintext lives in memory only.
/// </summary>
internal sealed class EncryptedOutputStep
{
    private readonly EncryptModeSettings _mode;
    private readonly KmsSealer _sealer;
    private readonly Func<SnapshotFetcher> _session;
    private readonly Redactor _redactor;

    /// <param name="session">
    /// Makes the network session (the same login rules as the fetch); called only when a write is due, so a current
    /// file needs no credentials.
    /// </param>
    public EncryptedOutputStep(EncryptModeSettings mode, Func<SnapshotFetcher> session, Redactor redactor)
    {
        _mode = mode;
        _sealer = new KmsSealer(mode);
        _session = session;
        _redactor = redactor;
    }

    /// <summary>True after a run that found the file current and made no request.</summary>
    public bool WasCurrent { get; private set; }

    public async Task<OutputResult> RunAsync(IReadOnlyList<SecretSnapshot> snapshots, OutputRequest request, string statePath, CancellationToken cancellationToken)
    {
        if (snapshots.Any(s => !s.IsSealed))
        {
            throw new InfisicalBuildException(InfisicalBuildErrors.SealedEntryUnusable, "InfisicalMode=encrypt was given a plaintext snapshot. Build again; if it persists, run 'dotnet clean'.");
        }

        // The file's header names one host, project and environment: the first source's, where the key is resolved.
        var primary = snapshots[0].Source;
        var other = snapshots.FirstOrDefault(s => !string.Equals(s.Source.Host, primary.Host, StringComparison.Ordinal));
        if (other != null)
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.EncryptSourcesDiffer,
                $"InfisicalMode=encrypt opens one settings file with one Infisical host, but {other.Source.Describe()} is on {other.Source.Host} and {primary.Describe()} on {primary.Host}. Use sources on one host, or pull mode.");
        }

        var description = EncryptState.Describe(_mode, request, snapshots);
        if (EncryptState.IsCurrent(statePath, description, request))
        {
            WasCurrent = true;
            var current = new OutputResult();
            current.Files.Add(request.JsonPath!);
            current.Files.Add(request.ManifestPath);
            return current;
        }

        var result = await _session().UseClientAsync(primary, "open and seal the settings with KMS", async (client, ct) =>
        {
            var open = new List<SecretSnapshot>();
            foreach (var snapshot in snapshots)
            {
                var plain = await _sealer.UnsealAsync(snapshot, client, ct).ConfigureAwait(false);
                _redactor.AddRange(plain.Secrets.Select(s => s.Value));
                open.Add(plain);
            }

            var prepared = OutputStep.Prepare(open, request);
            if (prepared.Result.Errors.Count > 0)
            {
                return prepared.Result;
            }

            var (path, json) = prepared.Files[prepared.JsonIndex];
            var payload = new UTF8Encoding(false).GetBytes(json);
            try
            {
                prepared.Files[prepared.JsonIndex] = (path, await _sealer.SealAsync(payload, primary, client, ct).ConfigureAwait(false));
            }
            finally
            {
                Array.Clear(payload, 0, payload.Length);
            }

            return OutputStep.Write(prepared);
        }, cancellationToken).ConfigureAwait(false);

        if (result.Errors.Count == 0)
        {
            EncryptState.Record(statePath, description, request);
        }

        return result;
    }
}
