/**
 * The app shell. Until the lab UI lands (issue 3) it introduces the product in
 * both languages and points to the CLI, which runs the same engine.
 */
import { LitElement, css, html } from 'lit';

export class AppShell extends LitElement {
  static override styles = css`
    :host { display: block; font-family: system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif; max-width: 48rem; margin: 3rem auto; padding: 0 1rem; color: #1d2733; }
    h1 { font-size: 1.8rem; margin-bottom: 0.25rem; }
    p { line-height: 1.6; }
    code { background: #f1f4f8; padding: 0.1rem 0.3rem; border-radius: 4px; }
  `;

  override render() {
    return html`
      <h1>群策 Lab</h1>
      <p lang="zh-CN">在建群之前，先在实验室里试一试你的运营策略：按群定位、邀请与准入、内容与时段、激励与惩罚，模拟成员的发言、留存与发言有效率，并对照运营手册的阈值。</p>
      <p lang="en">Test a WeChat group strategy before you launch it: seeded simulations of the group's members under your levers, judged against the playbook's thresholds.</p>
      <p>CLI: <code>npm run sim -- run scenarios/knowledge-sharing.json</code></p>
    `;
  }
}

customElements.define('qc-app', AppShell);
