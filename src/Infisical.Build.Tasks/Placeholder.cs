namespace Infisical.Build.Tasks; internal static class Placeholder {}
