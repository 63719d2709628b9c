using System;
using System.Collections.Generic;

namespace Infisical.Analyzers.Configuration;

/// <summary>
/// Names that hosts, runtimes, clouds and CI systems set. Code reads them all the time and they never come
/// from Infisical, so they are never reported, whatever the manifest says.
/// </summary>
internal static class PlatformNames
{
    private static readonly string[] Prefixes =
    {
        "ASPNETCORE_", "DOTNET_", "COMPlus_", "CORECLR_", "NUGET_", "MSBUILD", "VSTEST", "OTEL_", "AZURE_",
        "AZUREWEBJOBS", "WEBSITE_", "APPSETTING_", "FUNCTIONS_", "IDENTITY_ENDPOINT", "MSI_", "AWS_", "ECS_",
        "LAMBDA_", "GOOGLE_", "GCP_", "GCLOUD_", "K_", "KUBERNETES_", "GITHUB_", "RUNNER_", "GITLAB_", "CI_",
        "BUILD_", "SYSTEM_", "AGENT_", "TF_", "JENKINS_", "TEAMCITY_", "BITBUCKET_", "CIRCLE", "TRAVIS",
        "APPVEYOR", "BUILDKITE", "DOCKER_", "CONTAINER_", "POD_", "XDG_", "LC_", "INFISICAL_", "PROCESSOR_",
        "Logging:", "Kestrel:", "Serilog:", "HostFiltering:", "ForwardedHeaders:", "Aspire:", "OpenTelemetry:",
    };

    private static readonly HashSet<string> Exact = new(StringComparer.OrdinalIgnoreCase)
    {
        "HOSTNAME", "PATH", "HOME", "USER", "USERNAME", "USERPROFILE", "USERDOMAIN", "LOGNAME", "SHELL", "PWD",
        "TEMP", "TMP", "TMPDIR", "LANG", "LANGUAGE", "TERM", "TZ", "CI", "PORT", "HOST", "OS", "COMPUTERNAME",
        "APPDATA", "LOCALAPPDATA", "PROGRAMDATA", "ProgramFiles", "ProgramFiles(x86)", "windir", "SystemRoot",
        "SystemDrive", "ComSpec", "PATHEXT", "NUMBER_OF_PROCESSORS", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY",
        "ALL_PROXY", "SSL_CERT_FILE", "SSL_CERT_DIR", "LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH", "DISPLAY",
        "EDITOR", "VISUAL", "PAGER", "JAVA_HOME", "NODE_ENV", "WSL_DISTRO_NAME", "CODESPACES", "TF_BUILD",
        "BUILD_NUMBER", "JOB_NAME", "WORKSPACE", "Logging", "Kestrel", "AllowedHosts", "Serilog", "urls",
        "http_ports", "https_ports", "environment", "applicationName", "contentRoot", "webroot", "detailedErrors",
        "hostingStartupAssemblies", "hostingStartupExcludeAssemblies", "preventHostingStartup",
        "shutdownTimeoutSeconds", "suppressStatusMessages", "captureStartupErrors", "startupAssembly",
        "ForwardedHeaders", "HostFiltering", "Aspire", "OpenTelemetry",
    };

    /// <summary>True when the name (or key) belongs to the platform, not to the application.</summary>
    public static bool IsPlatformName(string name)
    {
        if (Exact.Contains(name))
        {
            return true;
        }

        foreach (var prefix in Prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
