export function App(): React.JSX.Element {
  return <h1>ProBonus Admin</h1>
}
