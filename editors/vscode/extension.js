// Starts `dealgate lsp` for .gate files and connects VS Code to it. Everything the editor shows
// (diagnostics, completion, hover, definition, references, formatting, the outline) comes from
// the server; this file only finds the program and starts it.
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('dealgate').get('path', 'dealgate');
  const serverOptions = { command, args: ['lsp'], transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'dealgate' },
      { scheme: 'untitled', language: 'dealgate' },
    ],
  };
  client = new LanguageClient('dealgate', 'dealgate', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('dealgate.path')) {
        vscode.window.showInformationMessage('dealgate: reload the window to use the new dealgate.path');
      }
    }),
  );
  return client.start().catch((error) => {
    vscode.window.showErrorMessage(
      `dealgate: cannot start \`${command} lsp\` (${error.message}). ` +
        'Install dealgate or set `dealgate.path` to the program.',
    );
  });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
